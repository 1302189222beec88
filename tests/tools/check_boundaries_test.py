#!/usr/bin/env python3
"""tools/check-boundaries on small made-up trees: a clean tree passes, and each kind of breach
(a foreign table in SQL, an undeclared include, a table row that disagrees with CMake, a cycle,
an unowned or doubly owned table) fails with a message naming it."""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "check-boundaries")


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(textwrap.dedent(text))


ARCHITECTURE = """\
    # Made-up architecture

    <!-- modules:begin -->
    | library | tables it owns | what it holds | depends on |
    | --- | --- | --- | --- |
    | `ordo_store` | `sequences` | the store | — |
    | `ordo_catalog` | `items` | items | `store` |
    | `ordo_orders` | `orders`, `order_lines` | orders | `store`, `catalog` |
    <!-- modules:end -->
    """


def clean_tree(root):
    write(root, "src/store/migrations/sqlite/0001.sql", """\
        CREATE TABLE sequences (name TEXT);
        CREATE TABLE items (id INTEGER PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY);
        CREATE TABLE order_lines (id INTEGER PRIMARY KEY);
        """)
    write(root, "src/store/CMakeLists.txt", "add_library(ordo_store STATIC x.cpp)\n")
    write(root, "src/store/x.cpp", 'const char* k = "UPDATE sequences SET n = n + 1";\n')
    write(root, "src/catalog/CMakeLists.txt", """\
        add_library(ordo_catalog STATIC item.cpp)
        target_link_libraries(ordo_catalog PUBLIC ordo_store)
        """)
    write(root, "src/catalog/item.cpp", """\
        #include "catalog/item.h"
        #include "store/x.h"
        // A comment may say FROM orders without breaking anything.
        const char* k = "SELECT id FROM items";
        """)
    write(root, "src/orders/CMakeLists.txt", """\
        add_library(ordo_orders STATIC order.cpp)
        target_link_libraries(ordo_orders
          PUBLIC ordo_store ordo_catalog  # items by id
        )
        """)
    write(root, "src/orders/order.cpp", """\
        #include "catalog/item.h"
        #include <store/x.h>
        const char* k = "SELECT o.id FROM orders o "
                        "JOIN order_lines l ON l.order_id = o.id";
        const char* r = R"(INSERT INTO order_lines (id) VALUES (1))";
        """)
    write(root, "docs/architecture.md", ARCHITECTURE)


def run(root):
    p = subprocess.run([sys.executable, TOOL, "--root", root], capture_output=True, text=True)
    return p.returncode, p.stdout


class CheckBoundariesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        clean_tree(self.root)

    def tearDown(self):
        self.dir.cleanup()

    def assertFailsWith(self, *fragments):
        code, out = run(self.root)
        self.assertEqual(code, 1, out)
        for f in fragments:
            self.assertIn(f, out)

    def test_a_clean_tree_passes(self):
        code, out = run(self.root)
        self.assertEqual(code, 0, out)

    def test_sql_naming_another_modules_table_fails(self):
        write(self.root, "src/catalog/bad.cpp", 'const char* k = "SELECT i.id FROM items i "\n  "JOIN orders o ON o.id = i.id";\n')
        self.assertFailsWith("src/catalog/bad.cpp:1: SQL names `orders`, owned by ordo_orders, not ordo_catalog")

    def test_a_foreign_table_in_a_raw_string_fails(self):
        write(self.root, "src/catalog/raw.cpp", 'const char* k = R"sql(\nUPDATE order_lines SET id = 2)sql";\n')
        self.assertFailsWith("src/catalog/raw.cpp:1: SQL names `order_lines`")

    def test_an_include_of_a_module_not_linked_fails(self):
        write(self.root, "src/catalog/up.h", '#include "orders/order.h"\n')
        self.assertFailsWith("src/catalog/up.h:1: includes orders/ but ordo_catalog does not depend on ordo_orders")

    def test_a_table_row_that_disagrees_with_cmake_fails(self):
        write(self.root, "docs/architecture.md", ARCHITECTURE.replace("| `store`, `catalog` |", "| `store` |"))
        self.assertFailsWith("ordo_orders depends on catalog, store in CMake (not in the table: catalog")

    def test_each_item_of_a_from_list_is_read(self):
        write(self.root, "src/catalog/comma.cpp", 'const char* k = "SELECT i.id FROM items i, orders o WHERE 1";\n')
        self.assertFailsWith("src/catalog/comma.cpp:1: SQL names `orders`")

    def test_quoted_and_qualified_names_are_read(self):
        for i, spelled in enumerate(["main.orders", "[orders]", "`orders`", '\\"orders\\"']):
            write(self.root, f"src/catalog/q{i}.cpp", f'const char* k = "UPDATE {spelled} SET id = 1";\n')
        self.assertFailsWith(*[f"src/catalog/q{i}.cpp:1: SQL names `orders`" for i in range(4)])

    def test_an_escaped_newline_before_the_name_is_read(self):
        write(self.root, "src/catalog/nl.cpp", 'const char* k = "SELECT id FROM\\n" "orders";\n')
        self.assertFailsWith("src/catalog/nl.cpp:1: SQL names `orders`")

    def test_a_double_slash_inside_a_string_is_not_a_comment(self):
        write(self.root, "src/catalog/url.cpp", 'const char* k = "http://x"; const char* q = "SELECT id FROM orders";\n')
        self.assertFailsWith("src/catalog/url.cpp:1: SQL names `orders`")

    def test_a_table_name_added_at_run_time_is_refused(self):
        write(self.root, "src/catalog/dyn.cpp", 'std::string k = std::string("SELECT COUNT(*) FROM ") + table;\n')
        self.assertFailsWith("src/catalog/dyn.cpp:1: SQL takes a table name built at run time")

    def test_other_header_suffixes_are_read(self):
        write(self.root, "src/catalog/x.hpp", 'inline const char* k = "DELETE FROM orders";\n')
        self.assertFailsWith("src/catalog/x.hpp:1: SQL names `orders`")

    def test_angle_and_dotted_includes_are_read(self):
        write(self.root, "src/catalog/a.h", '#include <orders/order.h>\n#include "catalog/../orders/x.h"\n')
        self.assertFailsWith("src/catalog/a.h:1: includes orders/", "src/catalog/a.h:2: includes orders/")

    def test_a_linked_module_that_is_never_included_fails(self):
        write(self.root, "src/orders/order.cpp", '#include "store/x.h"\nconst char* k = "SELECT o.id FROM orders o";\n')
        self.assertFailsWith("ordo_orders links ordo_catalog but includes none of its headers")

    def test_write_dependencies_fills_the_column_from_cmake(self):
        write(self.root, "docs/architecture.md", ARCHITECTURE.replace("| `store`, `catalog` |", "| DEPS |"))
        self.assertEqual(run(self.root)[0], 1)
        p = subprocess.run([sys.executable, TOOL, "--root", self.root, "--write-dependencies"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout)
        with open(os.path.join(self.root, "docs", "architecture.md"), encoding="utf-8") as f:
            self.assertIn("| orders | `catalog`, `store` |", f.read())

    def test_a_cycle_fails(self):
        write(self.root, "src/catalog/CMakeLists.txt", "target_link_libraries(ordo_catalog PUBLIC ordo_store ordo_orders)\n")
        write(self.root, "docs/architecture.md", ARCHITECTURE.replace("| items | `store` |", "| items | `store`, `orders` |"))
        self.assertFailsWith("dependency cycle: catalog -> orders -> catalog")

    def test_a_table_nobody_owns_fails(self):
        write(self.root, "src/store/migrations/sqlite/0002.sql", "CREATE TABLE stray (id INTEGER);\n")
        self.assertFailsWith("no module owns the table `stray`")

    def test_a_table_owned_twice_fails(self):
        write(self.root, "docs/architecture.md", ARCHITECTURE.replace("| `ordo_catalog` | `items` |", "| `ordo_catalog` | `items`, `orders` |"))
        self.assertFailsWith("`orders` is owned by both")

    def test_a_module_without_a_row_fails(self):
        write(self.root, "src/extra/CMakeLists.txt", "add_library(ordo_extra STATIC e.cpp)\n")
        self.assertFailsWith("no row for ordo_extra")


if __name__ == "__main__":
    unittest.main()
