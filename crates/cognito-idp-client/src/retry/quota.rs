//! The retry quota of the SDKs' `standard` and `adaptive` modes: a token bucket shared by every call of
//! one client (and its clones), from which each retry draws, so that a failing service does not get
//! every call's full attempts at the worst moment.
//!
//! The numbers are botocore's (`botocore/retries/quota.py` `RetryQuota.INITIAL_CAPACITY`,
//! `botocore/retries/standard.py` `RetryQuotaChecker`), which the AWS SDK for Rust shares
//! (`aws-smithy-runtime`'s `client/retries/token_bucket.rs`: `DEFAULT_CAPACITY`, `DEFAULT_RETRY_COST`,
//! `DEFAULT_RETRY_TIMEOUT_COST`, `PERMIT_REGENERATION_AMOUNT`): 500 tokens; a retry costs 5, a retry after
//! a connect or read timeout 10; a call that succeeds at its first attempt gives 1 back, a call that
//! succeeds after retries gives back what its last retry cost; nothing is given back beyond 500.

/// The tokens a client starts with, and the most it holds.
pub(crate) const CAPACITY: u32 = 500;
/// What a retry costs.
pub(crate) const RETRY_COST: u32 = 5;
/// What a retry after a connect or read timeout costs.
pub(crate) const TIMEOUT_RETRY_COST: u32 = 10;
/// What a call that succeeds at its first attempt gives back.
pub(crate) const NO_RETRY_INCREMENT: u32 = 1;

/// The tokens left for retries.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    available: u32,
}

impl RetryQuota {
    /// A full quota.
    pub(crate) fn new() -> Self {
        Self { available: CAPACITY }
    }

    /// The tokens left.
    pub(crate) fn available(&self) -> u32 {
        self.available
    }

    /// Takes `cost` tokens for a retry: `Ok` with what is left, or `Err` with what there is when it is
    /// less than `cost` (nothing is taken then).
    pub(crate) fn acquire(&mut self, cost: u32) -> Result<u32, u32> {
        if cost > self.available {
            return Err(self.available);
        }
        self.available -= cost;
        Ok(self.available)
    }

    /// Gives `amount` tokens back, up to the capacity; returns what is left.
    pub(crate) fn release(&mut self, amount: u32) -> u32 {
        self.available = self.available.saturating_add(amount).min(CAPACITY);
        self.available
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_quota_pays_for_a_hundred_retries_then_refuses_without_taking() {
        let mut quota = RetryQuota::new();
        assert_eq!(quota.available(), 500);
        for n in 1..=100 {
            assert_eq!(quota.acquire(RETRY_COST), Ok(500 - 5 * n));
        }
        assert_eq!(quota.acquire(RETRY_COST), Err(0));
        assert_eq!(quota.available(), 0);
    }

    #[test]
    fn a_retry_needs_its_whole_cost() {
        let mut quota = RetryQuota::new();
        assert_eq!(quota.acquire(495), Ok(5));
        assert_eq!(quota.acquire(TIMEOUT_RETRY_COST), Err(5));
        assert_eq!(quota.acquire(RETRY_COST), Ok(0));
    }

    #[test]
    fn releases_refill_up_to_the_capacity() {
        let mut quota = RetryQuota::new();
        assert_eq!(quota.release(NO_RETRY_INCREMENT), 500);
        assert_eq!(quota.acquire(TIMEOUT_RETRY_COST), Ok(490));
        assert_eq!(quota.release(NO_RETRY_INCREMENT), 491);
        assert_eq!(quota.release(u32::MAX), 500);
    }
}
