#include "core/field_path.h"

namespace ordo {

std::string ElementPath(std::string_view array, size_t index) {
  std::string path(array);
  path += '/';
  path += std::to_string(index);
  return path;
}

std::string FieldPath(std::string_view parent, std::string_view field) {
  if (parent.empty()) return std::string(field);
  std::string path(parent);
  path += '/';
  path += field;
  return path;
}

std::string FieldPath(std::string_view array, size_t index, std::string_view field) {
  return FieldPath(ElementPath(array, index), field);
}

}  // namespace ordo
