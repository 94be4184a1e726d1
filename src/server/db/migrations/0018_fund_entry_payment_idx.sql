-- A payment's ledger entries, found by the payment: a reversal mirrors them, and without this
-- index every reversal read the whole ledger (the funding benchmark's clean-up of 215,543 payments
-- ran for over ten minutes).
create index fund_entry_payment_idx on fund_entry (payment_id) where payment_id is not null;
