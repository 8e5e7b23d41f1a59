export * from "./agreement/types";
export * from "./transcript/parse";
export * from "./transcript/ydoc";
