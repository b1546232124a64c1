// Module.call(name, ...args), added to emcc's glue (CMakeLists.txt, --pre-js)
// so the app's page and the prescription builder, which both load that glue,
// call the wasm's exports with text the one way: each string is copied as
// UTF-8 onto the wasm's heap for the call and freed after it; a number (a
// pointer, a length) is passed as it is.
Module['call'] = (name, ...args) => {
  const copies = args.map((a) => (typeof a === 'string' ? allocateUTF8(a) : 0));
  try { return Module[name](...args.map((a, i) => copies[i] || a)); } finally { copies.forEach((p) => _free(p)); }
};
