// How wide each table column is printed, from the width its content needs.
//
// Internal to the documents module (pdf_renderer.cpp); pure, so its rules are easy to test.
#pragma once

#include <vector>

namespace ordo::documents {

struct ColumnNeed {
  float natural = 0;  // the widest cell or heading, padding included (points)
  bool stretch = false;
};

// The widths of the columns, which add up to `available` (points):
// - when the natural widths fit, what is left goes to the stretch columns in proportion to
//   their natural widths (to every column when none stretches);
// - when they do not fit, stretch columns shrink first, each down to kMinStretchWidth (or its
//   natural width if smaller); if that is not enough, every column shrinks in proportion.
// REQUIRES: available > 0; natural widths >= 0.
std::vector<float> ColumnWidths(const std::vector<ColumnNeed>& needs, float available);

inline constexpr float kMinStretchWidth = 72;  // one inch

}  // namespace ordo::documents
