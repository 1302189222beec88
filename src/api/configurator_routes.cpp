#include "api/configurator_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/configurator_body.h"
#include "api/json_body.h"
#include "api/pagination.h"
#include "api/preconditions.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "configurator/configurator_commands.h"
#include "configurator/configurator_repository.h"
#include "configurator/model_json.h"
#include "configurator/solver.h"
#include "core/resource_ref.h"

namespace ordo::api {
namespace {

using nlohmann::json;
namespace cf = configurator;

http::Response ModelResponse(int status, const cf::Model& m) {
  http::Response r = http::Response::Json(status, cf::ToJson(m));
  SetVersionTag(r, m.version);
  return r;
}

Status NoModel(const ResourceRef& ref) {
  return Status::NotFound("no configurator " + ref.code);
}

// Answers that lead nowhere are well-formed requests the model refuses: 422, each answer at
// its path.
http::Response RefusedAnswers(const Status& st) {
  json errors = json::array();
  for (const auto& e : st.errors()) {
    errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  }
  return http::Response::Problem(422, "invalid_configuration", "Unprocessable request",
                                 st.message(), errors);
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "configurators.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return cf::ListModels(*conn, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& m : rows) items.push_back(cf::ToJson(m));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "configurators.read")) return;
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto found = [&] {
    auto conn = ctx.readers.Borrow();
    return cf::FindModel(*conn, ref.id, ref.code);
  }();
  if (!found) return respond(ProblemFor(NoModel(ref)));
  respond(ModelResponse(200, *found));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "configurators.write");
  if (!who) return;
  auto model = ParseConfiguratorJson(request.body);
  if (!model.ok()) return respond(ProblemFor(model.status()));
  RunWrite(
      ctx, request, *who,
      [in = std::move(model).value()](store::Connection& conn,
                                      const CommandContext& cc) -> Result<http::Response> {
        auto created = cf::CreateModel(conn, cc, in);
        if (!created.ok()) return created.status();
        http::Response r = ModelResponse(201, *created);
        r.SetHeader("Location", "/api/v1/configurators/" + created->code);
        return r;
      },
      std::move(respond));
}

void Replace(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "configurators.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParseConfiguratorJson,
      [ref = ParseResourceRef(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc, const cf::Model& body,
          std::optional<int64_t> version) -> Result<http::Response> {
        auto stored = cf::FindModel(conn, ref.id, ref.code);
        if (!stored) return NoModel(ref);
        if (body.code != stored->code) {
          return Status::InvalidArgument(
              "the code cannot be changed",
              {{"code", "read_only", "configurator " + stored->code + " keeps its code"}});
        }
        auto replaced = cf::ReplaceModel(conn, cc, body, version);
        if (!replaced.ok()) return replaced.status();
        return ModelResponse(200, *replaced);
      },
      std::move(respond));
}

void Evaluate(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "configurators.read")) return;
  // A read that takes its question as a body, like the price quote.
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto answers = ParseAnswersJson(request.body);
  if (!answers.ok()) return respond(ProblemFor(answers.status()));
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  std::optional<cf::Model> model;
  cf::ActiveSkus active;
  {
    auto conn = ctx.readers.Borrow();
    model = cf::FindModel(*conn, ref.id, ref.code);
    if (model) active = cf::ActiveSkusOf(*conn, *model);
  }
  if (!model) return respond(ProblemFor(NoModel(ref)));
  if (!model->active) {
    return respond(
        ProblemFor(Status::InvalidState("configurator " + model->code + " is not active")));
  }
  auto evaluation = cf::Evaluate(*model, active, *answers);
  if (!evaluation.ok()) return respond(RefusedAnswers(evaluation.status()));
  respond(http::Response::Json(200, cf::ToJson(*model, *evaluation)));
}

}  // namespace

void AddConfiguratorRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/configurators",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/configurators",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/configurators/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PUT", "/api/v1/configurators/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Replace(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/configurators/{ref}/evaluate",
             [&ctx](http::Request& q, http::Responder r) { Evaluate(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
