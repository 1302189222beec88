#include "flows/configured_lines.h"

#include <map>
#include <nlohmann/json.hpp>

#include "configurator/configurator_commands.h"
#include "configurator/model_json.h"
#include "configurator/solver.h"
#include "core/field_path.h"
#include "flows/order_limits.h"
#include "pricing/price_resolution.h"

namespace ordo::flows {
namespace {

struct LoadedModel {
  configurator::Model model;
  configurator::ActiveSkus active;
};

// Every configurator the order names, each loaded once.
std::map<std::string, std::optional<LoadedModel>> LoadModels(
    store::Connection& conn, const std::vector<PlaceOrderLine>& lines, size_t count) {
  std::map<std::string, std::optional<LoadedModel>> models;
  for (size_t i = 0; i < count; ++i) {
    const auto& c = lines[i].configuration;
    if (!c || models.contains(c->configurator)) continue;
    auto model = configurator::FindModel(conn, std::nullopt, c->configurator);
    if (!model) {
      models[c->configurator] = std::nullopt;
      continue;
    }
    configurator::ActiveSkus active = configurator::ActiveSkusOf(conn, *model);
    models[c->configurator] = LoadedModel{std::move(*model), std::move(active)};
  }
  return models;
}

}  // namespace

std::string PrintedConfiguration(const std::optional<std::string>& configuration) {
  if (!configuration) return "";
  auto doc = nlohmann::json::parse(*configuration, nullptr, false);
  if (!doc.is_object()) return "";
  auto description = doc.find("description");
  return description != doc.end() && description->is_string() ? description->get<std::string>()
                                                              : "";
}

std::string PrintedConfiguration(const orders::OrderLine* line) {
  return line == nullptr ? "" : PrintedConfiguration(line->configuration);
}

std::vector<std::optional<ConfiguredLine>> ResolveConfigurations(
    store::Connection& conn, const std::vector<PlaceOrderLine>& lines, size_t count,
    std::vector<FieldError>& errors) {
  std::vector<std::optional<ConfiguredLine>> out(count);
  bool any = false;
  for (size_t i = 0; i < count && !any; ++i) any = lines[i].configuration.has_value();
  if (!any) return out;
  auto models = LoadModels(conn, lines, count);
  for (size_t i = 0; i < count; ++i) {
    const auto& c = lines[i].configuration;
    if (!c) continue;
    const std::string at = FieldPath(ElementPath("lines", i), "configuration");
    if (!lines[i].sku.empty()) {
      errors.push_back({FieldPath(ElementPath("lines", i), "sku"), "sku_and_configuration",
                        "a configured line gets its SKU from its answers"});
      continue;
    }
    const auto& loaded = models.at(c->configurator);
    if (!loaded) {
      errors.push_back({FieldPath(at, "configurator"), "unknown_configurator",
                        "no configurator " + c->configurator});
      continue;
    }
    const configurator::Model& model = loaded->model;
    if (!model.active) {
      errors.push_back({FieldPath(at, "configurator"), "inactive_configurator",
                        "configurator " + model.code + " is not active"});
      continue;
    }
    auto e = configurator::Evaluate(model, loaded->active, c->answers);
    if (!e.ok()) {
      for (const auto& f : e.status().errors()) {
        errors.push_back({FieldPath(at, f.field), f.code, f.message});
      }
      continue;
    }
    if (!e->result) {
      const std::string& missing = e->next->question->code;
      errors.push_back({FieldPath(at, FieldPath("answers", missing)), "incomplete",
                        missing + " needs an answer before the line can be ordered"});
      continue;
    }
    ConfiguredLine line;
    line.sku = e->result->sku;
    line.price_adjustment = e->result->price_adjustment;
    line.stored.configurator_id = model.id;
    line.stored.configurator_code = model.code;
    line.stored.answers_json = configurator::AnswersJson(c->answers).dump();
    line.stored.description = e->result->description;
    out[i] = std::move(line);
  }
  return out;
}

std::string ConfiguredExplanation(const std::string& base, Money adjustment) {
  if (adjustment == Money()) return base;
  return base + ", then the configuration's " + (adjustment.is_negative() ? "" : "+") +
         adjustment.Format(2);
}

configurator::LineConfiguration ApplyConfiguration(const ConfiguredLine& configured,
                                                   const PlaceOrderLine& in, size_t i,
                                                   Currency currency, orders::OrderLine& out,
                                                   std::vector<FieldError>& errors) {
  configurator::LineConfiguration stored = configured.stored;
  stored.line_no = static_cast<int>(i + 1);
  out.configuration = configurator::LineConfigurationJson(stored);
  // A price set by hand is the price, and an agreed one already holds the adjustment.
  if (in.unit_price || in.agreed_price) return stored;
  out.unit_price += configured.price_adjustment;
  out.price_source = "configured";
  std::optional<Money> extended = out.unit_price.CheckedMul(out.quantity);
  if (!extended || *extended > Money::FromWhole(kMaxOrderAmountWhole)) {
    errors.push_back({FieldPath("lines", i, "quantity"), "out_of_range",
                      "a line's value is at most " + std::to_string(kMaxOrderAmountWhole)});
    return stored;
  }
  out.extended_amount = pricing::ExtendedAmount(out.unit_price, out.quantity, currency);
  return stored;
}

}  // namespace ordo::flows
