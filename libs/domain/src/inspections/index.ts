// 双随机、一公开: the verifiable draw, inspector assignment and result categories as pure rules.
export * from './sha256';
export * from './inspection-draw';
export * from './inspector-assignment';
export * from './inspection-result-categories.data';
