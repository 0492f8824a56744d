'use strict';

/**
 * Minimal multipart/form-data parser (Node has no built-in one). Returns null when malformed.
 * @param {Buffer} buf
 * @param {string} contentType
 * @returns {Array<{name:string, filename?:string, contentType?:string, data:Buffer}>|null}
 */
function parseMultipart(buf, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  if (!m) return null;
  const boundary = Buffer.from(`--${(m[1] || m[2]).trim()}`);
  const delimiter = Buffer.concat([Buffer.from('\r\n'), boundary]);
  let pos = buf.indexOf(boundary);
  if (pos < 0) return null;
  const parts = [];
  for (;;) {
    pos += boundary.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) return parts;
    if (buf[pos] !== 0x0d || buf[pos + 1] !== 0x0a) return null;
    pos += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return null;
    const headers = buf.subarray(pos, headerEnd).toString('utf8').split('\r\n');
    const next = buf.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return null;
    const part = { name: '', data: buf.subarray(headerEnd + 4, next) };
    for (const h of headers) {
      const idx = h.indexOf(':');
      const key = h.slice(0, idx).trim().toLowerCase();
      const value = h.slice(idx + 1).trim();
      if (key === 'content-disposition') {
        const name = /\bname="([^"]*)"/i.exec(value);
        const filename = /\bfilename="([^"]*)"/i.exec(value);
        if (name) part.name = name[1];
        if (filename) part.filename = filename[1];
      } else if (key === 'content-type') {
        part.contentType = value;
      }
    }
    parts.push(part);
    pos = next + 2;
  }
}

module.exports = { parseMultipart };
