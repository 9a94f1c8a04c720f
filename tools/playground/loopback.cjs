// Preloaded with `node -r`: pins every listening socket of the Agents Playground to 127.0.0.1
// (it binds all interfaces by default). Used by scripts/playground and by the test fixture.
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && first.fd === undefined && first.handle === undefined && first._handle === undefined) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
    return listen.apply(this, args);
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return listen.apply(this, args);
  const hasPort = first !== undefined && typeof first !== 'function';
  const rest = args.slice(hasPort ? 1 : 0);
  if (typeof rest[0] === 'string' || (rest[0] === undefined && rest.length > 0)) rest.shift();
  return listen.call(this, hasPort ? Number(first) : 0, '127.0.0.1', ...rest);
};
