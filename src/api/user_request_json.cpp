#include "api/user_request_json.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "core/field_path.h"
#include "core/text_limits.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

// The longest role name is far shorter; a longer text is no role and is not echoed back.
constexpr TextLimit kRoleName{32};

std::vector<std::string> Roles(const nlohmann::json& doc, jsonio::FieldReader& r, bool required) {
  std::vector<std::string> roles;
  const nlohmann::json* list = r.Array(doc, "roles", "roles", required);
  if (!list) return roles;
  if (list->size() > 16) {
    r.Fail("roles", "too_many", "a user has at most 16 roles");
    return roles;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    nlohmann::json item = {{"role", (*list)[i]}};
    roles.push_back(r.String(item, "role", ElementPath("roles", i), kRoleName, true));
  }
  return roles;
}

std::optional<std::string> Customer(const nlohmann::json& doc, jsonio::FieldReader& r) {
  return r.OptionalString(doc, "customer", "customer", text_limits::kCustomerCode);
}

}  // namespace

Result<auth::NewUser> ParseNewUserJson(const std::string& body) {
  auto doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"username", "password", "roles", "customer"}, "");
  auth::NewUser user;
  user.username = r.String(*doc, "username", "username", text_limits::kUsername, true);
  user.password = r.String(*doc, "password", "password", text_limits::kPassword, true);
  user.roles = Roles(*doc, r, true);
  user.customer = Customer(*doc, r);
  if (!errors.empty()) return Status::InvalidArgument("the user has invalid fields", errors);
  return user;
}

Result<auth::UserPatch> ParseUserPatchJson(const std::string& body) {
  auto doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"roles", "customer", "disabled"}, "");
  r.RefuseNulls(*doc, {"roles", "disabled"}, "");
  auth::UserPatch patch;
  if (doc->contains("roles") && !(*doc)["roles"].is_null()) patch.roles = Roles(*doc, r, true);
  if (doc->contains("customer")) patch.customer = Customer(*doc, r);
  patch.disabled = r.Bool(*doc, "disabled", "disabled", false);
  if (!errors.empty()) return Status::InvalidArgument("the change has invalid fields", errors);
  return patch;
}

}  // namespace ordo::api
