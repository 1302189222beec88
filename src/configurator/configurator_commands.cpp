#include "configurator/configurator_commands.h"

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "configurator/configurator_repository.h"
#include "configurator/model_json.h"
#include "configurator/model_rules.h"
#include "configurator/solver.h"
#include "core/field_path.h"
#include "core/version_check.h"

namespace ordo::configurator {
namespace {

// The model's own rules, then its SKUs against the catalog.
Status Check(store::Connection& conn, const Model& model) {
  std::vector<FieldError> errors = CheckModel(model);
  std::vector<std::string> skus;
  for (const auto& r : model.sku_rules) skus.push_back(r.sku);
  auto items = catalog::FindItemsBySku(conn, skus);
  for (size_t i = 0; i < model.sku_rules.size(); ++i) {
    const std::string& sku = model.sku_rules[i].sku;
    if (!sku.empty() && !items.contains(sku)) {
      errors.push_back({FieldPath("sku_rules", i, "sku"), "unknown_sku", "no item " + sku});
    }
  }
  if (errors.empty() && model.active && !HasValidConfiguration(model, ActiveSkusOf(conn, model))) {
    errors.push_back({"sku_rules", "no_valid_configuration",
                      "no answer set satisfies the constraints and maps to an active SKU"});
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid configurator", std::move(errors));
  return Status::Ok();
}

}  // namespace

ActiveSkus ActiveSkusOf(store::Connection& conn, const Model& model) {
  std::vector<std::string> skus;
  for (const auto& r : model.sku_rules) skus.push_back(r.sku);
  ActiveSkus active;
  for (const auto& [sku, item] : catalog::FindItemsBySku(conn, skus)) {
    if (item.active) active.insert(sku);
  }
  return active;
}

Result<Model> CreateModel(store::Connection& conn, const CommandContext& ctx, Model model) {
  if (Status st = Check(conn, model); !st.ok()) return st;
  if (FindModel(conn, std::nullopt, model.code)) {
    return Status::Conflict("configurator " + model.code + " exists");
  }
  model.id = InsertModel(conn, model, ctx.now);
  model.version = 1;
  audit::Record(conn, ctx, "configurator.create", "configurator", model.id, nullptr, ToJson(model));
  return model;
}

Result<Model> ReplaceModel(store::Connection& conn, const CommandContext& ctx, Model model,
                           std::optional<int64_t> expected) {
  auto stored = FindModel(conn, std::nullopt, model.code);
  if (!stored) return Status::NotFound("no configurator " + model.code);
  if (Status st = CheckVersion(expected, stored->version, "configurator", model.code); !st.ok()) {
    return st;
  }
  if (Status st = Check(conn, model); !st.ok()) return st;
  model.id = stored->id;
  model.version = stored->version + 1;
  StoreReplacement(conn, model, ctx.now);
  audit::Record(conn, ctx, "configurator.update", "configurator", model.id, ToJson(*stored),
                ToJson(model));
  return model;
}

}  // namespace ordo::configurator
