// Modules made at build time by declaration-plugin.ts.
declare module "virtual:accessibility-declaration" {
  const declaration: import("./declaration").Declaration;
  export default declaration;
}

declare module "virtual:accessibility-status" {
  const status: import("./declaration").Status;
  export default status;
}
