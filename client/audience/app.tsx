// The audience page: `/` asks for a code, `/<CODE>` is the room (case-insensitive).
import { ROOM_CODE } from "../../shared/limits";
import { useLang } from "../lib/i18n";
import { Home } from "./home";
import { RoomPage } from "./room-page";

export function App() {
  useLang();
  const code = decodeURIComponent(location.pathname.slice(1)).toUpperCase();
  if (ROOM_CODE.test(code)) {
    if (location.pathname.slice(1) !== code) history.replaceState(null, "", `/${code}${location.hash}`);
    return <RoomPage code={code} />;
  }
  return <Home />;
}
