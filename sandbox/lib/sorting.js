'use strict';

const { invalidArgument } = require('./errors');

const SORT_VALUES = ['created-ascending', 'created-descending'];

/**
 * sort_by as documented. inferred: default is created-descending (newest first), and ties are
 * broken by numeric id in the same direction so paging is stable.
 * @returns {'created-ascending'|'created-descending'}
 */
function readSortBy(query) {
  const v = query.getNonEmpty('sort_by');
  if (v === undefined) return 'created-descending';
  if (!SORT_VALUES.includes(v)) throw invalidArgument(`sort_by must be one of ${SORT_VALUES.join(', ')}`);
  return v;
}

/**
 * @template T
 * @param {T[]} items
 * @param {string} sortBy
 * @param {(item:T)=>number} createdMs
 * @param {(item:T)=>number} numericId
 */
function sortByCreated(items, sortBy, createdMs, numericId) {
  const dir = sortBy === 'created-ascending' ? 1 : -1;
  return items.slice().sort((a, b) => dir * (createdMs(a) - createdMs(b) || numericId(a) - numericId(b)));
}

module.exports = { readSortBy, sortByCreated, SORT_VALUES };
