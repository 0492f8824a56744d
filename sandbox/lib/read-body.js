'use strict';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Reads the whole body as a Buffer; rejects with .tooLarge when over the limit. */
function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        const e = new Error('request body too large');
        e.tooLarge = true;
        reject(e);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

module.exports = { readBody, MAX_BODY_BYTES };
