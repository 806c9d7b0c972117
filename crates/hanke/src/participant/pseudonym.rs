//! Pseudonymisation — *pseudonymisointi*: a participant key derived from the
//! identity code with a secret the caller holds, so that records can be linked
//! across files and years without storing the code.
//!
//! The key is HMAC-SHA-256 (RFC 2104, FIPS 180-4) from the RustCrypto `hmac` and
//! `sha2` crates — no home-made cryptography. Without the secret a pseudonym
//! cannot be recomputed from a guessed code, which a plain hash of the (small,
//! structured) space of identity codes would allow. Under the GDPR a pseudonym is
//! still personal data (Recital 26); it is merely not the code.

use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::PersonalIdentityCode;

/// Domain separation: the same secret used elsewhere gives other values.
const CONTEXT: &[u8] = b"hanke.participant.v1\0";

/// Why a pseudonymiser or pseudonym was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PseudonymError {
    /// The secret is shorter than 16 bytes.
    #[error("the pseudonymisation secret must be at least 16 bytes (got {len})")]
    SecretTooShort {
        /// Its length.
        len: usize,
    },
    /// A pseudonym's text is not 64 hexadecimal digits.
    #[error("a pseudonym is 64 hexadecimal digits")]
    InvalidText,
    /// Identity codes were to be dropped once pseudonymised, but there is no
    /// pseudonymiser: the codes would have been kept without a word (every
    /// reader refuses it; `drop_identity_codes` without a secret).
    #[error(
        "identity codes are dropped once pseudonymised, and no secret to pseudonymise them with was given: give a secret, or do not ask to drop the codes"
    )]
    DropWithoutSecret,
}

error_codes! {
    PseudonymError {
        PseudonymError::SecretTooShort { .. } => "pseudonym.secret_too_short": "The secret is shorter than 16 bytes.",
        PseudonymError::InvalidText => "pseudonym.invalid_text": "A pseudonym's text is not 64 hexadecimal digits.",
        PseudonymError::DropWithoutSecret => "pseudonym.drop_without_secret": "Identity codes to be dropped once pseudonymised, without a secret to pseudonymise them with (they would have been kept).",
    }
}

/// A participant key derived from an identity code — *pseudonyymi*: 32 bytes,
/// written as 64 lower-case hexadecimal digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pseudonym([u8; 32]);

impl Pseudonym {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pseudonym({self})")
    }
}

impl FromStr for Pseudonym {
    type Err = PseudonymError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().as_bytes();
        if t.len() != 64 {
            return Err(PseudonymError::InvalidText);
        }
        let mut out = [0u8; 32];
        for (slot, pair) in out.iter_mut().zip(t.chunks_exact(2)) {
            let digit = |b: u8| (b as char).to_digit(16);
            let (Some(&hi), Some(&lo)) = (pair.first(), pair.get(1)) else {
                return Err(PseudonymError::InvalidText);
            };
            let (Some(hi), Some(lo)) = (digit(hi), digit(lo)) else {
                return Err(PseudonymError::InvalidText);
            };
            *slot = u8::try_from(hi.saturating_mul(16).saturating_add(lo))
                .map_err(|_| PseudonymError::InvalidText)?;
        }
        Ok(Pseudonym(out))
    }
}

serde_as_string!(Pseudonym);

/// Derives [`Pseudonym`]s with a caller-supplied secret — *pseudonymisoija*.
/// The same secret gives the same pseudonym for the same code in every run, on
/// every platform; another secret gives unrelated ones. Keep the secret out of
/// the data it protects.
///
/// ```
/// use hanke::participant::Pseudonymiser;
/// use hanke::PersonalIdentityCode;
///
/// let p = Pseudonymiser::new(b"a secret of at least 16 bytes")?;
/// let code: PersonalIdentityCode = "131052-308T".parse().unwrap(); // DVV's example code
/// assert_eq!(p.pseudonym(&code), p.pseudonym(&code));
/// assert_ne!(p.pseudonym(&code), Pseudonymiser::new(b"another secret, 16+ bytes")?.pseudonym(&code));
/// assert!(Pseudonymiser::new(b"short").is_err());
/// # Ok::<(), hanke::participant::PseudonymError>(())
/// ```
#[derive(Clone)]
pub struct Pseudonymiser {
    keyed: Hmac<Sha256>,
}

impl Pseudonymiser {
    /// A pseudonymiser keyed with `secret` (at least 16 bytes; 32 random bytes
    /// recommended).
    pub fn new(secret: &[u8]) -> Result<Pseudonymiser, PseudonymError> {
        if secret.len() < 16 {
            return Err(PseudonymError::SecretTooShort { len: secret.len() });
        }
        let keyed = Hmac::<Sha256>::new_from_slice(secret)
            .map_err(|_| PseudonymError::SecretTooShort { len: secret.len() })?;
        Ok(Pseudonymiser { keyed })
    }

    /// The pseudonym of an identity code given as text — what an app does on
    /// the device before it syncs (issue 26): the text is read as the core
    /// reads every code (temporary individual numbers 900–999 only when
    /// `accept_temporary`), and a refusal never repeats it.
    ///
    /// ```
    /// use hanke::participant::Pseudonymiser;
    /// let p = Pseudonymiser::new(b"0123456789abcdef-test-secret")?;
    /// let a = p.pseudonym_of("131052-900W", true)?;
    /// assert_eq!(a, p.pseudonym_of("131052-900w", true)?);
    /// assert_eq!(p.pseudonym_of("131052-900W", false).unwrap_err().code(), "hetu.temporary");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pseudonym_of(
        &self,
        text: &str,
        accept_temporary: bool,
    ) -> Result<Pseudonym, crate::ids::HetuError> {
        let code = if accept_temporary {
            PersonalIdentityCode::parse_allowing_temporary(text)?
        } else {
            text.parse::<PersonalIdentityCode>()?
        };
        Ok(self.pseudonym(&code))
    }

    /// The pseudonym of an identity code (of its canonical, upper-case form).
    pub fn pseudonym(&self, code: &PersonalIdentityCode) -> Pseudonym {
        let mut mac = self.keyed.clone();
        mac.update(CONTEXT);
        mac.update(code.expose().as_bytes());
        let bytes = mac.finalize().into_bytes();
        let mut out = [0u8; 32];
        out.copy_from_slice(&bytes);
        Pseudonym(out)
    }
}

impl fmt::Debug for Pseudonymiser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The key schedule is secret material.
        f.write_str("Pseudonymiser { .. }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_an_independent_hmac_sha256() {
        // Computed with Python's hmac module:
        // hmac.new(b"0123456789abcdef-test-secret",
        //          b"hanke.participant.v1\x00131052-308T", hashlib.sha256).hexdigest()
        let p = Pseudonymiser::new(b"0123456789abcdef-test-secret").unwrap();
        let code: PersonalIdentityCode = "131052-308t".parse().unwrap();
        assert_eq!(p.pseudonym(&code).to_string(), EXPECTED);
        let back: Pseudonym = EXPECTED.parse().unwrap();
        assert_eq!(back, p.pseudonym(&code));
    }

    const EXPECTED: &str = "2b97505c89e57abc185282d9bcb5038c543c649553b3a9f8be72bae1b867069b";

    #[test]
    fn secrets_and_texts_are_checked() {
        assert_eq!(
            Pseudonymiser::new(&[0; 15]).unwrap_err().code(),
            "pseudonym.secret_too_short"
        );
        assert!("abc".parse::<Pseudonym>().is_err());
        assert!("g".repeat(64).parse::<Pseudonym>().is_err());
        assert_eq!(
            format!("{:?}", Pseudonymiser::new(&[7; 32]).unwrap()),
            "Pseudonymiser { .. }"
        );
    }
}
