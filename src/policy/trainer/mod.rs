//! Trainer mode's pure part: scenarios and their verdicts, read from the
//! same answers as the policy.

pub mod scenario;
pub mod score;
