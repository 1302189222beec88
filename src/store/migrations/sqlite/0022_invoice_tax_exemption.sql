-- What exempted an invoice from sales tax (issue 14), kept with the invoice as it was decided
-- on its date: the exemption certificate's number, or "customer" for a customer exempt
-- everywhere; NULL when the invoice was taxed. A certificate may expire or be removed later;
-- the invoice still says why it billed no tax.
ALTER TABLE invoices ADD COLUMN tax_exemption TEXT;
