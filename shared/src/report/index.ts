export * from './report'
export * from './reportAccess'
