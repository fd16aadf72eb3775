/** Keys that answer from Object.prototype when a table is indexed by a client's key without an own-property check. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'] as const
