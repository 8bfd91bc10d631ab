// PAN detection: a card `token` must be the gateway's token, never a card number.
// A primary account number is 13-19 digits, starts with a card-network major industry
// identifier (2 Mastercard 2-series, 3 Amex/Diners/JCB, 4 Visa, 5 Mastercard, 6 Discover/
// UnionPay/Maestro) and passes the Luhn check. Format-preserving tokens that start with 0,
// 1, 7, 8 or 9 (Kibo's own example `0160184007701111`) are not PANs.

/** True when `token` looks like a real card number. Never log or echo the token. */
export function looksLikePan (token: string): boolean {
  const length = token.length
  if (length < 13 || length > 19) return false
  const first = token.charCodeAt(0) - 48
  if (first < 2 || first > 6) return false
  let sum = 0
  let double = false
  for (let i = length - 1; i >= 0; i--) {
    let digit = token.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return false
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum % 10 === 0
}
