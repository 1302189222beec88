#include "api/api_routes.h"

#include "api/approval_routes.h"
#include "api/approval_rule_routes.h"
#include "api/audit_routes.h"
#include "api/auth_routes.h"
#include "api/configurator_routes.h"
#include "api/contract_routes.h"
#include "api/credit_memo_routes.h"
#include "api/customer_part_number_routes.h"
#include "api/customer_routes.h"
#include "api/event_routes.h"
#include "api/health_routes.h"
#include "api/import_routes.h"
#include "api/inventory_routes.h"
#include "api/invoice_routes.h"
#include "api/item_routes.h"
#include "api/me_routes.h"
#include "api/metrics_routes.h"
#include "api/openapi_routes.h"
#include "api/order_routes.h"
#include "api/payment_routes.h"
#include "api/pick_queue_routes.h"
#include "api/price_list_routes.h"
#include "api/price_quote_routes.h"
#include "api/price_tier_routes.h"
#include "api/product_line_routes.h"
#include "api/promotion_routes.h"
#include "api/quote_routes.h"
#include "api/receivables_report_routes.h"
#include "api/report_routes.h"
#include "api/return_routes.h"
#include "api/shipment_routes.h"
#include "api/tax_exemption_routes.h"
#include "api/warehouse_routes.h"

namespace ordo::api {

void AddApiRoutes(http::Router& router, ApiContext& ctx) {
  AddHealthRoutes(router, ctx);
  AddAuthRoutes(router, ctx);
  AddMeRoutes(router, ctx);
  AddMetricsRoutes(router, ctx);
  AddOpenApiRoutes(router, ctx);
  AddWarehouseRoutes(router, ctx);
  AddItemRoutes(router, ctx);
  AddInventoryRoutes(router, ctx);
  AddCustomerRoutes(router, ctx);
  AddAuditRoutes(router, ctx);
  AddEventRoutes(router, ctx);
  AddOrderRoutes(router, ctx);
  AddShipmentRoutes(router, ctx);
  AddPickQueueRoutes(router, ctx);
  AddInvoiceRoutes(router, ctx);
  AddPaymentRoutes(router, ctx);
  AddReceivablesReportRoutes(router, ctx);
  AddReportRoutes(router, ctx);
  AddReturnRoutes(router, ctx);
  AddCreditMemoRoutes(router, ctx);
  AddImportRoutes(router, ctx);
  AddPriceTierRoutes(router, ctx);
  AddProductLineRoutes(router, ctx);
  AddCustomerPartNumberRoutes(router, ctx);
  AddPriceQuoteRoutes(router, ctx);
  AddTaxExemptionRoutes(router, ctx);
  AddConfiguratorRoutes(router, ctx);
  AddApprovalRuleRoutes(router, ctx);
  AddApprovalRoutes(router, ctx);
  AddPriceListRoutes(router, ctx);
  AddContractRoutes(router, ctx);
  AddPromotionRoutes(router, ctx);
  AddQuoteRoutes(router, ctx);
}

}  // namespace ordo::api
