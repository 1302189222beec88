// Word lists of the demo data: who buys from the distributor, where, and the words its staff
// write into orders. Plain tables, no logic; demo_accounts and demo_history combine them.
#pragma once

#include <string_view>
#include <vector>

namespace ordo::demo {

struct City {
  std::string_view name;
  std::string_view region;
  std::string_view zip_prefix;  // first three digits
  std::string_view warehouse;   // the nearest warehouse's code
};

const std::vector<City>& Cities();
const std::vector<std::string_view>& StreetNames();
const std::vector<std::string_view>& StreetTypes();

// Customer names: "<first> <trade> <suffix>", and a few tax-exempt institutions.
const std::vector<std::string_view>& CompanyFirstWords();
const std::vector<std::string_view>& CompanyTrades();
const std::vector<std::string_view>& CompanySuffixes();

struct Institution {
  std::string_view name;
  std::string_view city;  // one of Cities()
};
const std::vector<Institution>& Institutions();

// Extra ship-to locations of a customer: code and name.
struct SiteName {
  std::string_view code;
  std::string_view name;
};
const std::vector<SiteName>& SiteNames();

struct SalesRep {
  std::string_view name;   // the customer's salesperson
  std::string_view actor;  // who enters the customer's phone and email orders
};
const std::vector<SalesRep>& SalesReps();
// Customer service reps who also take phone and email orders.
const std::vector<std::string_view>& ServiceActors();

const std::vector<std::string_view>& OverrideReasons();
const std::vector<std::string_view>& CancelReasons();
const std::vector<std::string_view>& ReleaseNotes();

}  // namespace ordo::demo
