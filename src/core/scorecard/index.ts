export * from "./layout";
export * from "./read";
export * from "./styles";
export * from "./summary";
