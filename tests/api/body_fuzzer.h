// BodyFuzzer: request bodies for a write operation, derived from its schema in the OpenAPI
// document, for the fuzz test of every write operation (fuzz_bodies_test.cpp).
//
// Plausible() builds an instance of the schema: required properties always, optional ones at
// random, enum values, known codes for fields that name fixture data (customer, sku,
// warehouse...), small numbers. Hostile() takes such a body and breaks it in one of many ways
// a careless or malicious client would: a field dropped, nulled, retyped, made huge, negative,
// fractional, overflowing; text with control characters, invalid UTF-8 or 70,000 characters;
// thousands of lines; duplicate keys; deep nesting; truncation; stray bytes. The result is raw
// text, since several of those are not valid JSON at all.
//
// Everything comes from the seeded generator, so a failing seed replays exactly.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "api/schema_check.h"

namespace ordo::api::testing {

class BodyFuzzer {
 public:
  BodyFuzzer(const nlohmann::json& document, uint64_t seed) : refs_(document), rng_(seed) {}

  nlohmann::json Plausible(const nlohmann::json& schema) { return Generate(schema, "", 0); }
  std::string Hostile(const nlohmann::json& plausible);

  std::mt19937_64& rng() { return rng_; }

 private:
  nlohmann::json Generate(const nlohmann::json& schema, const std::string& name, int depth);
  std::string Text(const std::string& name);
  nlohmann::json HostileValue();
  // Pointers to every value in `body` (objects' members and arrays' items, depth first).
  static void Leaves(nlohmann::json& body, std::vector<nlohmann::json*>& out);
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool Chance(int percent) { return static_cast<int>(Pick(100)) < percent; }

  SchemaCheck refs_;
  std::mt19937_64 rng_;
};

}  // namespace ordo::api::testing
