// Every poll kind as the pages draw it. A Record over PollKind: a kind left out is a type error.
import type { PollKind } from "../../shared/model";
import type { ClientPollKind } from "./kind";
import { multiple } from "./multiple";
import { open } from "./open";
import { quiz } from "./quiz";
import { ranking } from "./ranking";
import { scale } from "./scale";
import { single } from "./single";
import { wordcloud } from "./wordcloud";

export type { BallotProps, ClientPollKind, ResultLabels } from "./kind";

export const CLIENT_KINDS: Record<PollKind, ClientPollKind> = { single, multiple, scale, wordcloud, ranking, open, quiz };
