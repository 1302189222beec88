#include "configurator/configurator_repository.h"

#include <nlohmann/json.hpp>

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::configurator {
namespace {

using nlohmann::json;

constexpr const char* kHeader = "SELECT id, code, name, active, version FROM configurators ";

Model ReadHeader(store::RowReader& r) {
  Model m;
  m.id = r.Int();
  m.code = r.Text();
  m.name = r.Text();
  m.active = r.Bool();
  m.version = r.Int();
  return m;
}

// Questions, values, constraints and rules: one query each.
void LoadDetails(store::Connection& conn, Model& m) {
  {
    store::Query q(conn,
                   "SELECT code, label, required FROM configurator_questions "
                   "WHERE configurator_id = ? ORDER BY position",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      Question question;
      question.code = r.Text();
      question.label = r.Text();
      question.required = r.Bool();
      m.questions.push_back(std::move(question));
    }
  }
  {
    store::Query q(conn,
                   "SELECT question_position, code, label, price_adjustment "
                   "FROM configurator_values WHERE configurator_id = ? "
                   "ORDER BY question_position, position",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      auto position = static_cast<size_t>(r.Int());
      Value v;
      v.code = r.Text();
      v.label = r.Text();
      v.price_adjustment = r.Amount();
      if (position < m.questions.size()) m.questions[position].values.push_back(std::move(v));
    }
  }
  {
    store::Query q(conn,
                   "SELECT when_question, when_value, kind, then_question, then_values "
                   "FROM configurator_constraints WHERE configurator_id = ? ORDER BY position",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      Constraint c;
      c.when_question = r.Text();
      c.when_value = r.Text();
      c.kind = KindFromName(r.Text()).value_or(ConstraintKind::kRequires);
      c.then_question = r.Text();
      c.then_values = json::parse(r.Text()).get<std::vector<std::string>>();
      m.constraints.push_back(std::move(c));
    }
  }
  {
    store::Query q(conn,
                   "SELECT sku, conditions FROM configurator_sku_rules "
                   "WHERE configurator_id = ? ORDER BY position",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      SkuRule rule;
      rule.sku = r.Text();
      rule.when = json::parse(r.Text()).get<std::map<std::string, std::string>>();
      m.sku_rules.push_back(std::move(rule));
    }
  }
}

void InsertDetails(store::Connection& conn, const Model& m) {
  for (size_t i = 0; i < m.questions.size(); ++i) {
    const Question& q = m.questions[i];
    store::Exec(conn,
                "INSERT INTO configurator_questions (configurator_id, position, code, label, "
                "required) VALUES (?, ?, ?, ?, ?)",
                m.id, static_cast<int64_t>(i), q.code, q.label, q.required);
    for (size_t j = 0; j < q.values.size(); ++j) {
      const Value& v = q.values[j];
      store::Exec(conn,
                  "INSERT INTO configurator_values (configurator_id, question_position, "
                  "position, code, label, price_adjustment) VALUES (?, ?, ?, ?, ?, ?)",
                  m.id, static_cast<int64_t>(i), static_cast<int64_t>(j), v.code, v.label,
                  v.price_adjustment);
    }
  }
  for (size_t i = 0; i < m.constraints.size(); ++i) {
    const Constraint& c = m.constraints[i];
    store::Exec(conn,
                "INSERT INTO configurator_constraints (configurator_id, position, when_question, "
                "when_value, kind, then_question, then_values) VALUES (?, ?, ?, ?, ?, ?, ?)",
                m.id, static_cast<int64_t>(i), c.when_question, c.when_value, KindName(c.kind),
                c.then_question, json(c.then_values).dump());
  }
  for (size_t i = 0; i < m.sku_rules.size(); ++i) {
    const SkuRule& r = m.sku_rules[i];
    store::Exec(conn,
                "INSERT INTO configurator_sku_rules (configurator_id, position, sku, conditions) "
                "VALUES (?, ?, ?, ?)",
                m.id, static_cast<int64_t>(i), r.sku, json(r.when).dump());
  }
}

}  // namespace

std::optional<Model> FindModel(store::Connection& conn, std::optional<int64_t> id,
                               const std::string& code) {
  auto details = [&conn](Model& m) { LoadDetails(conn, m); };
  if (id) {
    // An all-digit code is found when no model has that id.
    auto found =
        store::FindOne(conn, std::string(kHeader) + "WHERE id = ?", *id, ReadHeader, details);
    if (found) return found;
  }
  return store::FindOne(conn, std::string(kHeader) + "WHERE code = ?", code, ReadHeader, details);
}

std::vector<Model> ListModels(store::Connection& conn, int64_t after_id, int limit) {
  std::vector<Model> models;
  {
    store::Query q(conn, std::string(kHeader) + "WHERE id > ? ORDER BY id LIMIT ?", after_id,
                   int64_t{limit});
    while (q.Next()) {
      store::RowReader r(q);
      models.push_back(ReadHeader(r));
    }
  }
  for (Model& m : models) LoadDetails(conn, m);
  return models;
}

int64_t InsertModel(store::Connection& conn, const Model& model, Timestamp now) {
  Model m = model;
  {
    store::Query q(conn,
                   "INSERT INTO configurators (code, name, active, version, created_at, "
                   "updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id",
                   m.code, m.name, m.active, now, now);
    q.Next();
    m.id = q.Int(0);
  }
  InsertDetails(conn, m);
  return m.id;
}

void StoreReplacement(store::Connection& conn, const Model& m, Timestamp now) {
  store::Exec(conn,
              "UPDATE configurators SET name = ?, active = ?, version = ?, updated_at = ? "
              "WHERE id = ?",
              m.name, m.active, m.version, now, m.id);
  store::Exec(conn, "DELETE FROM configurator_questions WHERE configurator_id = ?", m.id);
  store::Exec(conn, "DELETE FROM configurator_values WHERE configurator_id = ?", m.id);
  store::Exec(conn, "DELETE FROM configurator_constraints WHERE configurator_id = ?", m.id);
  store::Exec(conn, "DELETE FROM configurator_sku_rules WHERE configurator_id = ?", m.id);
  InsertDetails(conn, m);
}

void InsertLineConfiguration(store::Connection& conn, int64_t order_id,
                             const LineConfiguration& line) {
  store::Exec(conn,
              "INSERT INTO order_line_configurations (order_id, line_no, configurator_id, "
              "answers, description) VALUES (?, ?, ?, ?, ?)",
              order_id, int64_t{line.line_no}, line.configurator_id, line.answers_json,
              line.description);
}

std::map<int, LineConfiguration> LineConfigurations(store::Connection& conn, int64_t order_id) {
  std::map<int, LineConfiguration> lines;
  store::Query q(conn,
                 "SELECT l.line_no, l.configurator_id, c.code, l.answers, l.description "
                 "FROM order_line_configurations l JOIN configurators c "
                 "ON c.id = l.configurator_id WHERE l.order_id = ? ORDER BY l.line_no",
                 order_id);
  while (q.Next()) {
    store::RowReader r(q);
    LineConfiguration line;
    line.line_no = static_cast<int>(r.Int());
    line.configurator_id = r.Int();
    line.configurator_code = r.Text();
    line.answers_json = r.Text();
    line.description = r.Text();
    lines.emplace(line.line_no, std::move(line));
  }
  return lines;
}

}  // namespace ordo::configurator
