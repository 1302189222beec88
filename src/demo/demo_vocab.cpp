#include "demo/demo_vocab.h"

namespace ordo::demo {
namespace {

using Words = std::vector<std::string_view>;

}  // namespace

const std::vector<City>& Cities() {
  static const auto* const kCities = new std::vector<City>{
      {"Atlanta", "GA", "303", "ATL"},
      {"Marietta", "GA", "300", "ATL"},
      {"Norcross", "GA", "300", "ATL"},
      {"Savannah", "GA", "314", "ATL"},
      {"Macon", "GA", "312", "ATL"},
      {"Augusta", "GA", "309", "ATL"},
      {"Birmingham", "AL", "352", "ATL"},
      {"Chattanooga", "TN", "374", "ATL"},
      {"Nashville", "TN", "372", "ATL"},
      {"Greenville", "SC", "296", "ATL"},
      {"Jacksonville", "FL", "322", "ATL"},
      {"Dallas", "TX", "752", "DAL"},
      {"Fort Worth", "TX", "761", "DAL"},
      {"Plano", "TX", "750", "DAL"},
      {"Garland", "TX", "750", "DAL"},
      {"Houston", "TX", "770", "DAL"},
      {"Austin", "TX", "787", "DAL"},
      {"San Antonio", "TX", "782", "DAL"},
      {"Tulsa", "OK", "741", "DAL"},
      {"Oklahoma City", "OK", "731", "DAL"},
      {"Shreveport", "LA", "711", "DAL"},
      {"Chicago", "IL", "606", "CHI"},
      {"Naperville", "IL", "605", "CHI"},
      {"Joliet", "IL", "604", "CHI"},
      {"Elk Grove Village", "IL", "600", "CHI"},
      {"Rockford", "IL", "611", "CHI"},
      {"Peoria", "IL", "616", "CHI"},
      {"Indianapolis", "IN", "462", "CHI"},
      {"Gary", "IN", "464", "CHI"},
      {"Milwaukee", "WI", "532", "CHI"},
      {"St. Louis", "MO", "631", "CHI"},
  };
  return *kCities;
}

const Words& StreetNames() {
  static const auto* const kWords =
      new Words{"Industrial", "Commerce",  "Enterprise",   "Peachtree", "Oak",        "Maple",
                "Main",       "Airport",   "Distribution", "Progress",  "Technology", "Factory",
                "Market",     "Railroad",  "Lakeview",     "Mill",      "Park",       "Center",
                "Gateway",    "Corporate", "Foundry",      "Harbor",    "Elm",        "Cedar",
                "Highland",   "Riverside", "Meridian",     "Frontage",  "Warehouse",  "Union"};
  return *kWords;
}

const Words& StreetTypes() {
  static const auto* const kWords =
      new Words{"Pkwy", "Dr", "Blvd", "St", "Ave", "Way", "Rd", "Ct", "Ln", "Cir"};
  return *kWords;
}

const Words& CompanyFirstWords() {
  static const auto* const kWords = new Words{
      "Summit",    "Ridgeway",   "Harbor Point", "Keystone",   "Blue Ridge", "Prairie",
      "Lakeshore", "Pioneer",    "Cedar Creek",  "Granite",    "Magnolia",   "Riverbend",
      "Ironwood",  "Northgate",  "Copperline",   "Bluebonnet", "Peachtree",  "Lone Star",
      "Midwest",   "Southern",   "Tri-County",   "Heartland",  "Red River",  "Great Lakes",
      "Piedmont",  "Trinity",    "Chisholm",     "Lincoln",    "Brazos",     "Fox Valley",
      "Allied",    "Precision",  "Reliable",     "Apex",       "Sterling",   "Patriot",
      "Crescent",  "Oak Hollow", "Westfield",    "Eastgate",   "Hartwell",   "Calloway",
      "Brennan",   "McAllister", "Dunmore",      "Whitaker",   "Kessler",    "Ortega",
      "Nakamura",  "Okafor",     "Lindqvist",    "Bishop",     "Sandoval",   "Fairbanks"};
  return *kWords;
}

const Words& CompanyTrades() {
  static const auto* const kWords = new Words{"Mechanical",
                                              "Fabrication",
                                              "Facility Services",
                                              "Electric",
                                              "Plumbing & Heating",
                                              "Construction",
                                              "Property Management",
                                              "Manufacturing",
                                              "Maintenance",
                                              "Welding",
                                              "HVAC",
                                              "Industrial Services",
                                              "Janitorial",
                                              "Millwork",
                                              "Auto Body",
                                              "Machine Works",
                                              "Builders",
                                              "Logistics",
                                              "Packaging",
                                              "Plastics",
                                              "Metal Works",
                                              "Energy Services",
                                              "Contractors",
                                              "Foods"};
  return *kWords;
}

const Words& CompanySuffixes() {
  static const auto* const kWords =
      new Words{"Inc.", "LLC", "Co.", "Corp.", "Group", "Inc.", "LLC", "Company"};
  return *kWords;
}

const std::vector<Institution>& Institutions() {
  static const auto* const kInstitutions =
      new std::vector<Institution>{{"Fulton County Schools Facilities", "Atlanta"},
                                   {"St. Luke's Regional Medical Center", "Houston"},
                                   {"Dallas County Community College District", "Dallas"},
                                   {"City of Naperville Public Works", "Naperville"}};
  return *kInstitutions;
}

const std::vector<SiteName>& SiteNames() {
  static const auto* const kSites = new std::vector<SiteName>{
      {"PLANT2", "Plant 2"},         {"WH", "Warehouse"},         {"SHOP", "Maintenance Shop"},
      {"NORTH", "North Campus"},     {"SOUTH", "South Campus"},   {"YARD", "Equipment Yard"},
      {"DC", "Distribution Center"}, {"ANNEX", "Annex Building"}, {"JOB-14", "Jobsite 14"},
      {"JOB-22", "Jobsite 22"}};
  return *kSites;
}

const std::vector<SalesRep>& SalesReps() {
  static const auto* const kReps =
      new std::vector<SalesRep>{{"Dana Jones", "user:sales.jones"},
                                {"Marcus Patel", "user:sales.patel"},
                                {"Elena Garcia", "user:sales.garcia"},
                                {"Tom Nguyen", "user:sales.nguyen"},
                                {"Rachel Brooks", "user:sales.brooks"}};
  return *kReps;
}

const Words& ServiceActors() {
  static const auto* const kWords = new Words{"user:cs.miller", "user:cs.okafor"};
  return *kWords;
}

const Words& OverrideReasons() {
  static const auto* const kWords =
      new Words{"Matched competitor quote", "Contract price per annual agreement",
                "Damaged packaging, discount agreed", "Volume deal approved by branch manager",
                "Vendor rebate program pricing"};
  return *kWords;
}

const Words& CancelReasons() {
  static const auto* const kWords =
      new Words{"Customer cancelled: project postponed", "Duplicate of an earlier PO",
                "Customer sourced the parts locally", "Customer did not accept the pricing",
                "Entered for the wrong ship-to, re-entered"};
  return *kWords;
}

const Words& ReleaseNotes() {
  static const auto* const kWords =
      new Words{"Payment received, released", "Credit manager approved a temporary increase",
                "Customer paid past-due invoices", "PO confirmed with customer AP, released"};
  return *kWords;
}

}  // namespace ordo::demo
