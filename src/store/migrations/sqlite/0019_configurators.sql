-- Product configurators (issue 14): a configurable product's model, its ordered questions and
-- their values, the constraints between answers and the rules that map a complete answer set
-- to a catalog SKU; and the answers of each configured order line. A model is replaced as a
-- whole (its child rows deleted and written again) with its version bumped.
CREATE TABLE configurators (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  active INTEGER NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE configurator_questions (
  configurator_id INTEGER NOT NULL REFERENCES configurators (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  required INTEGER NOT NULL,
  PRIMARY KEY (configurator_id, position)
) WITHOUT ROWID;

CREATE TABLE configurator_values (
  configurator_id INTEGER NOT NULL REFERENCES configurators (id),
  question_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  price_adjustment BIGINT NOT NULL,
  PRIMARY KEY (configurator_id, question_position, position)
) WITHOUT ROWID;

-- kind is 'requires' or 'excludes'; then_values a JSON array of value codes.
CREATE TABLE configurator_constraints (
  configurator_id INTEGER NOT NULL REFERENCES configurators (id),
  position INTEGER NOT NULL,
  when_question TEXT NOT NULL,
  when_value TEXT NOT NULL,
  kind TEXT NOT NULL,
  then_question TEXT NOT NULL,
  then_values TEXT NOT NULL,
  PRIMARY KEY (configurator_id, position)
) WITHOUT ROWID;

-- conditions: a JSON object of question code → value code. SKUs never change (items.sku is
-- fixed), so the rule keeps the SKU's text.
CREATE TABLE configurator_sku_rules (
  configurator_id INTEGER NOT NULL REFERENCES configurators (id),
  position INTEGER NOT NULL,
  sku TEXT NOT NULL,
  conditions TEXT NOT NULL,
  PRIMARY KEY (configurator_id, position)
) WITHOUT ROWID;

-- The answers of a configured order line (a JSON object of question code → value code or
-- null) and their printed description, as the model stood when the order was placed.
CREATE TABLE order_line_configurations (
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  configurator_id INTEGER NOT NULL REFERENCES configurators (id),
  answers TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;

-- Orders are priced against the models too: a model's change bumps the reference version
-- (migration 0011) so that an order prepared before it is validated again. A model's child rows
-- change only with its own row (replaced whole, version bumped), so its row's triggers see
-- every change.
CREATE TRIGGER configurators_insert_version AFTER INSERT ON configurators
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER configurators_update_version AFTER UPDATE ON configurators
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER configurators_delete_version AFTER DELETE ON configurators
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE id = 1;
END;
