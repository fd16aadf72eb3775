export * from './report'
export * from './reportAccess'
export * from './learningPack'
export * from './programme'
