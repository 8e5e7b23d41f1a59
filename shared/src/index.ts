export * from "./agreement/types";
export * from "./transcript/parse";
export * from "./transcript/preview";
export * from "./transcript/ydoc";
export * from "./project/roles";
export * from "./collab/documentName";
export * from "./collab/closeEvents";
export * from "./text/title";
