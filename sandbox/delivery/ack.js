'use strict';

/**
 * Whether an attempt counts as acknowledged. Documented: HTTP 200 with {"code":0,"message":"success"};
 * any other status fails. UNKNOWN in the docs: whether a 200 with another body fails -> mode ackMode
 * ('strict' requires the body, extra keys allowed; 'status' accepts any 200).
 * @param {{status:number|null, body:string, error:string|null}} result
 * @param {'strict'|'status'} ackMode
 */
function isAcknowledged(result, ackMode) {
  if (result.error || result.status !== 200) return false;
  if (ackMode === 'status') return true;
  try {
    const j = JSON.parse(result.body);
    return j !== null && typeof j === 'object' && j.code === 0 && j.message === 'success';
  } catch (e) {
    return false;
  }
}

module.exports = { isAcknowledged };
