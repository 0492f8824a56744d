'use strict';

const { invalidArgument } = require('./errors');

const POSITIVE_INT = /^[1-9]\d*$/;

function readPositiveInt(query, name, fallback) {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  if (!POSITIVE_INT.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw invalidArgument(`${name} must be a positive integer`);
  }
  return Number(raw);
}

/**
 * Page-number pagination exactly as documented: page default 1, page_size default 20.
 * UNKNOWN in the docs: the page_size maximum (one client claims 100) -> pageSizeCap, and what
 * happens above it -> mode pageSizeOverCap 'clamp' | 'reject'.
 * @param {import('./raw-query').QueryReader} query
 * @param {{pageSizeCap:number, pageSizeOverCap:'clamp'|'reject'}} opts
 */
function readPageParams(query, opts) {
  const page = readPositiveInt(query, 'page', 1);
  let pageSize = readPositiveInt(query, 'page_size', 20);
  if (pageSize > opts.pageSizeCap) {
    if (opts.pageSizeOverCap === 'reject') {
      throw invalidArgument(`page_size must be an integer 1-${opts.pageSizeCap}`);
    }
    pageSize = opts.pageSizeCap;
  }
  return { page, pageSize };
}

/**
 * @template T
 * @param {T[]} items already filtered and sorted
 * @param {{page:number, pageSize:number}} p
 * @param {(item:T)=>any} toJson
 */
function paginate(items, { page, pageSize }, toJson) {
  const count = items.length;
  const start = (page - 1) * pageSize;
  // A page past the end is an empty list with intact meta (inferred from usual page-number APIs).
  const slice = start < count ? items.slice(start, start + pageSize) : [];
  return {
    page: { page, page_size: pageSize, total_page: Math.ceil(count / pageSize), count },
    list: slice.map(toJson),
  };
}

module.exports = { readPageParams, paginate };
