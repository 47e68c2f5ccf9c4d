'use strict'
// Checks an AWS Signature V4 presigned request (X-Amz-Algorithm in the query) the way S3 does: the canonical
// request from the method, path, query (less the signature), the signed headers' values as sent, and
// UNSIGNED-PAYLOAD; signed with the secret of the access key in X-Amz-Credential. A request sent with another
// Content-Type or Content-Length than the signed ones therefore fails. Returns null when the request is fine or is
// not presigned, else {code, message}.

const crypto = require('crypto')

const hmac = (key, text) => crypto.createHmac('sha256', key).update(text, 'utf8').digest()
const sha256 = text => crypto.createHash('sha256').update(text, 'utf8').digest('hex')
const encode = text => encodeURIComponent(text).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())

function checkPresigned (req, secrets, now = Date.now()) {
  const [rawPath, rawQuery = ''] = req.url.split('?')
  const pairs = rawQuery.split('&').filter(Boolean).map(p => {
    const at = p.indexOf('=')
    const decode = t => decodeURIComponent(t.replace(/\+/g, '%20'))
    return at < 0 ? [decode(p), ''] : [decode(p.slice(0, at)), decode(p.slice(at + 1))]
  })
  const query = Object.fromEntries(pairs)
  // a browser's CORS preflight carries the URL but no signature of its own; s3rver answers it from the CORS rule
  if (query['X-Amz-Algorithm'] === undefined || req.method === 'OPTIONS') return null
  const refuse = message => ({ code: 'SignatureDoesNotMatch', message })
  if (query['X-Amz-Algorithm'] !== 'AWS4-HMAC-SHA256') return refuse('unsupported signing algorithm')
  const [accessKey, day, region, service] = (query['X-Amz-Credential'] || '').split('/')
  const secret = secrets[accessKey]
  if (!secret) return { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist.' }
  const amzDate = query['X-Amz-Date'] || ''
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
  if (Number.isNaN(signedAt) || now > signedAt + Number(query['X-Amz-Expires']) * 1000) {
    return { code: 'AccessDenied', message: 'Request has expired' }
  }
  const signedHeaders = (query['X-Amz-SignedHeaders'] || '').split(';')
  const canonicalQuery = pairs.filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encode(k), encode(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => k + '=' + v).join('&')
  const canonicalHeaders = signedHeaders.map(h => h + ':' + String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ') + '\n').join('')
  const canonicalRequest = [req.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), 'UNSIGNED-PAYLOAD'].join('\n')
  const scope = [day, region, service, 'aws4_request'].join('/')
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac('AWS4' + secret, day), region), service), 'aws4_request')
  const expected = crypto.createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  const given = String(query['X-Amz-Signature'] || '')
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return refuse('The request signature we calculated does not match the signature you provided.')
  }
  return null
}

module.exports = { checkPresigned }
