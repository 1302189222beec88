// The limits of every text field a user can fill: one place per field, shared by the JSON
// request readers (jsonio::FieldReader), the domain rules (catalog, customers, inventory,
// invoicing, flows), the CSV importers and the CLI. The OpenAPI document gives each of them as
// `maxLength` in its request schemas; tests/api/openapi_text_limits_test.cpp holds the two
// together, so they cannot drift.
//
// Lengths count characters (Unicode code points), never bytes: 64 × "ü" is a 64-character
// PO number. Every text is valid UTF-8 without control characters (C0, DEL, C1); a multi-line
// field also takes tab, line feed and carriage return (see core/text_check.h).
//
// A field of a new kind gets its own entry here; fields that name the same thing (a warehouse
// code in a receipt and in a ship-to's preferred warehouse) share one.
#pragma once

#include <cstddef>

namespace ordo {

struct TextLimit {
  size_t max_chars = 0;
  bool multiline = false;
};

namespace text_limits {

// Codes and references.
inline constexpr TextLimit kSku{64};
inline constexpr TextLimit kUom{8};
inline constexpr TextLimit kWarehouseCode{16};
inline constexpr TextLimit kCustomerCode{32};
inline constexpr TextLimit kShipToCode{32};
inline constexpr TextLimit kPriceTierCode{16};
inline constexpr TextLimit kTaxClass{64};
// A document named by id or number ("42", "SO-000042", "IN-000007").
inline constexpr TextLimit kDocumentRef{32};

// Names.
inline constexpr TextLimit kItemName{200};
inline constexpr TextLimit kWarehouseName{200};
inline constexpr TextLimit kCustomerName{200};
inline constexpr TextLimit kShipToName{200};
inline constexpr TextLimit kPriceTierName{200};
inline constexpr TextLimit kSalesperson{100};

// Catalog facts: product lines, customers' own part numbers for our items.
inline constexpr TextLimit kProductLineCode{16};
inline constexpr TextLimit kProductLineName{200};
inline constexpr TextLimit kCustomerPartNumber{64};

// Addresses. A region is also the key of a tax rate, so both share one limit.
inline constexpr TextLimit kAddressLine{200};
inline constexpr TextLimit kCity{100};
inline constexpr TextLimit kRegion{64};
inline constexpr TextLimit kPostalCode{32};
inline constexpr TextLimit kCountry{64};

// Orders and shipments.
inline constexpr TextLimit kPoNumber{64};
inline constexpr TextLimit kOverrideReason{500};
inline constexpr TextLimit kCancelReason{500};
inline constexpr TextLimit kHoldReleaseNote{1000, /*multiline=*/true};
inline constexpr TextLimit kCarrier{64};
inline constexpr TextLimit kCarrierService{64};
inline constexpr TextLimit kTrackingNumber{100};

// Who acts, as the audit trail records it (the CLI's --actor).
inline constexpr TextLimit kActor{64};

// Stock, payments and refunds.
inline constexpr TextLimit kAdjustmentReason{200};
inline constexpr TextLimit kReference{200};

// Credentials. The auth module's own rules are stricter within these (a username is 3 to 64
// letters, digits or . _ - @; a new password at least 12 characters, auth/password_policy.h).
inline constexpr TextLimit kUsername{64};
inline constexpr TextLimit kPassword{256};
inline constexpr TextLimit kApiKeyName{100};

// A field the table does not list yet (dates and enumerated words are checked for their own
// form after this): single-line, and short enough for any
// document or log line.
inline constexpr TextLimit kUnlisted{1000};

}  // namespace text_limits
}  // namespace ordo
