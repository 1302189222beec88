#include "demo/demo_configurators.h"

#include <string>
#include <utility>

#include "catalog/item_commands.h"
#include "configurator/configurator_commands.h"

namespace ordo::demo {
namespace {

using configurator::ConstraintKind;
using configurator::Model;
using configurator::Question;
using configurator::Value;

Money Dollars(int64_t cents) {
  return Money::FromUnits(cents * 100);
}

Value V(std::string code, std::string label, int64_t cents = 0) {
  return Value{std::move(code), std::move(label), Dollars(cents)};
}

catalog::NewItem Item(std::string sku, std::string name, int64_t list_cents) {
  catalog::NewItem item;
  item.sku = std::move(sku);
  item.name = std::move(name);
  item.list_price = Dollars(list_cents);
  item.cost = Dollars(list_cents * 62 / 100);
  return item;
}

// A starter bay: two upright frames and two beam pairs. The SKU is the frame height and beam
// length (no 12 ft bay with 144 in beams is made); long beams carry no heavy load, galvanized
// frames come in 10 ft only, and heavy levels take the heavy-duty decking or none.
DemoConfigurator PalletRack() {
  DemoConfigurator d;
  Model& m = d.model;
  m.code = "PALLET-RACK";
  m.name = "Pallet rack starter bay";
  m.questions = {
      {"frame_height", "Frame height", true, {V("10", "10 ft"), V("12", "12 ft", 4800)}},
      {"beam_length",
       "Beam length",
       true,
       {V("96", "96 in"), V("108", "108 in"), V("144", "144 in")}},
      {"load_class",
       "Load per level",
       true,
       {V("light", "2,000 lb"), V("medium", "4,000 lb", 6500), V("heavy", "6,000 lb", 14500)}},
      {"finish",
       "Finish",
       true,
       {V("orange", "Safety orange powder coat"), V("blue", "Blue powder coat"),
        V("galvanized", "Hot-dip galvanized", 18500)}},
      {"decking",
       "Wire decking",
       false,
       {V("wire", "Wire decking, 2,500 lb", 7600),
        V("wire-heavy", "Wire decking, 3,500 lb", 12800)}},
  };
  m.constraints = {
      {"beam_length", "144", ConstraintKind::kExcludes, "load_class", {"heavy"}},
      {"finish", "galvanized", ConstraintKind::kRequires, "frame_height", {"10"}},
      {"load_class", "heavy", ConstraintKind::kExcludes, "decking", {"wire"}},
  };
  const std::pair<const char*, const char*> bays[] = {
      {"10", "96"}, {"10", "108"}, {"10", "144"}, {"12", "96"}, {"12", "108"}};
  const int64_t prices[] = {41900, 44900, 52900, 46900, 49900};
  for (size_t i = 0; i < std::size(bays); ++i) {
    auto [height, beam] = bays[i];
    std::string sku =
        std::string("RCK-") + height + "-" + (std::string(beam).size() < 3 ? "0" : "") + beam;
    m.sku_rules.push_back({sku, {{"frame_height", height}, {"beam_length", beam}}});
    d.items.push_back(
        Item(sku, std::string("Pallet rack starter bay ") + height + " ft x " + beam + " in",
             prices[i]));
  }
  return d;
}

// A flammable-liquids cabinet: the SKU is the capacity and door; the 12 gal benchtop comes
// with a manual door only and the 60 gal with self-closing doors only (no rule maps 60 gal
// manual). Blue cabinets hold corrosives and need the polyethylene liner.
DemoConfigurator SafetyCabinet() {
  DemoConfigurator d;
  Model& m = d.model;
  m.code = "SAFETY-CABINET";
  m.name = "Flammable safety cabinet";
  m.questions = {
      {"capacity",
       "Capacity",
       true,
       {V("12", "12 gal benchtop"), V("30", "30 gal"), V("45", "45 gal"), V("60", "60 gal")}},
      {"door", "Doors", true, {V("manual", "Manual close"), V("self", "Self-closing")}},
      {"color",
       "Color",
       true,
       {V("yellow", "Yellow (flammables)"), V("red", "Red (combustibles)"),
        V("blue", "Blue (corrosives)", 2500)}},
      {"liner", "Liner", false, {V("poly", "Polyethylene liner", 6900)}},
  };
  m.constraints = {
      {"capacity", "12", ConstraintKind::kRequires, "door", {"manual"}},
      {"color", "blue", ConstraintKind::kRequires, "liner", {"poly"}},
  };
  struct Row {
    const char* capacity;
    const char* door;
    const char* sku;
    const char* name;
    int64_t cents;
  };
  const Row rows[] = {
      {"12", "manual", "CAB-12-M", "Safety cabinet 12 gal benchtop, manual door", 48900},
      {"30", "manual", "CAB-30-M", "Safety cabinet 30 gal, manual doors", 79900},
      {"30", "self", "CAB-30-S", "Safety cabinet 30 gal, self-closing doors", 94900},
      {"45", "manual", "CAB-45-M", "Safety cabinet 45 gal, manual doors", 99900},
      {"45", "self", "CAB-45-S", "Safety cabinet 45 gal, self-closing doors", 114900},
      {"60", "self", "CAB-60-S", "Safety cabinet 60 gal, self-closing doors", 139900},
  };
  for (const Row& r : rows) {
    m.sku_rules.push_back({r.sku, {{"capacity", r.capacity}, {"door", r.door}}});
    d.items.push_back(Item(r.sku, r.name, r.cents));
  }
  return d;
}

}  // namespace

std::vector<DemoConfigurator> DemoConfigurators() {
  return {PalletRack(), SafetyCabinet()};
}

int DemoConfiguratorItemCount() {
  int count = 0;
  for (const auto& d : DemoConfigurators()) count += static_cast<int>(d.items.size());
  return count;
}

Status CreateDemoConfigurators(store::CommandExecutor& exec, Timestamp at) {
  const CommandContext ctx{"user:sales.manager", "", at};
  return exec.Run([&ctx](store::Connection& c) -> Status {
    for (const auto& d : DemoConfigurators()) {
      for (const auto& item : d.items) {
        if (auto created = catalog::CreateItem(c, ctx, item); !created.ok()) {
          return created.status();
        }
      }
      if (auto created = configurator::CreateModel(c, ctx, d.model); !created.ok()) {
        return created.status();
      }
    }
    return Status::Ok();
  });
}

}  // namespace ordo::demo
