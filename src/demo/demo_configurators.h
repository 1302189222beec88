// The demo distributor's configurable products: a pallet rack starter bay and a flammable
// safety cabinet, each with the catalog items its answers map to.
#pragma once

#include <vector>

#include "catalog/item.h"
#include "configurator/model.h"
#include "core/clock.h"
#include "core/status.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct DemoConfigurator {
  configurator::Model model;
  std::vector<catalog::NewItem> items;  // the SKUs of its rules, added to the catalog
};

std::vector<DemoConfigurator> DemoConfigurators();

// How many catalog items the configurators add.
int DemoConfiguratorItemCount();

// Creates the items and the models through their commands, at `at`.
Status CreateDemoConfigurators(store::CommandExecutor& exec, Timestamp at);

}  // namespace ordo::demo
