#include "flows/document_addresses.h"

namespace ordo::flows {
namespace {

std::vector<std::string> NonEmpty(std::vector<std::string> lines) {
  std::erase_if(lines, [](const std::string& l) { return l.empty(); });
  return lines;
}

}  // namespace

std::string CityLine(const std::string& city, const std::string& region,
                     const std::string& postal_code) {
  std::string out = city;
  std::string rest = region;
  if (!postal_code.empty()) rest += (rest.empty() ? "" : " ") + postal_code;
  if (!rest.empty()) out += (out.empty() ? "" : ", ") + rest;
  return out;
}

documents::AddressBlock ShipToBlock(const customers::Customer& customer, ShipToId ship_to_id) {
  const customers::ShipTo* ship_to = nullptr;
  for (const auto& s : customer.ship_tos) {
    if (s.id == ship_to_id) ship_to = &s;
  }
  if (ship_to == nullptr) return {"Ship to", NonEmpty({customer.name})};
  const customers::Address& a = ship_to->address;
  std::string name = ship_to->name == customer.name ? "" : ship_to->name;
  return {"Ship to", NonEmpty({customer.name, name, a.line1,
                               CityLine(a.city, a.region, a.postal_code), a.country})};
}

documents::AddressBlock BillToBlock(const customers::Customer& customer) {
  const customers::Address& a = customer.bill_to;
  return {"Bill to",
          NonEmpty({customer.name, a.line1, CityLine(a.city, a.region, a.postal_code), a.country})};
}

documents::AddressBlock ShipFromBlock(const inventory::Warehouse& w) {
  const inventory::WarehouseAddress& a = w.address;
  return {"Ship from",
          NonEmpty({w.name, a.line1, CityLine(a.city, a.region, a.postal_code), a.country})};
}

}  // namespace ordo::flows
