export * from './ack'
export * from './define'
export * from './clientEvents'
export * from './serverEvents'
