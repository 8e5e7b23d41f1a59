export * from "./agreement/types";
export * from "./transcript/parse";
export * from "./transcript/ydoc";
export * from "./transcript/schema";
export * from "./project/roles";
export * from "./collab/documentName";
export * from "./collab/closeEvents";
