// Preloaded into a dist/ entry (NODE_OPTIONS=--import) to plant a bug: the first trim() of the text in
// THROW_IN_TRIM throws a TypeError, from inside the bundle's input reading.
const trim = String.prototype.trim;
let armed = true;
String.prototype.trim = function trimOrThrow() {
  if (armed && String(this) === process.env.THROW_IN_TRIM) {
    armed = false;
    throw new TypeError('planted bug');
  }
  return trim.call(this);
};
