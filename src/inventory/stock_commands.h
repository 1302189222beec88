// Stock commands: receipts and adjustments, addressed by warehouse code and SKU.
#pragma once

#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::inventory {

struct ReceiptLine {
  std::string sku;
  int64_t quantity = 0;
};

struct Receipt {
  std::string warehouse;
  std::vector<ReceiptLine> lines;
  std::string reference;
};

// Adds received stock. Errors: invalid_argument (unknown warehouse or SKU, quantity <= 0,
// every problem listed; nothing is received when any line is bad).
Status ReceiveStock(store::Connection& conn, const CommandContext& ctx, const Receipt& receipt);

struct Adjustment {
  std::string warehouse;
  std::string sku;
  int64_t quantity_delta = 0;
  std::string reason;
};

// Corrects on hand by a signed delta. Errors: invalid_argument, insufficient_stock (the result
// would be negative or below what is allocated).
Status AdjustStock(store::Connection& conn, const CommandContext& ctx, const Adjustment& adj);

}  // namespace ordo::inventory
