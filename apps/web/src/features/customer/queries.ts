import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { keys } from "../../app/live";

export function useCustomer(id: string) {
  return useQuery({ queryKey: keys.customer(id), queryFn: () => unwrap(api.GET("/api/v1/customers/{id}", { params: { path: { id } } })) });
}

/** The customer's recent conversations; the panel and the merge dialog read the same entry. */
export function useCustomerConversations(customerId: string, enabled = true) {
  return useQuery({
    queryKey: keys.customerConversations(customerId),
    queryFn: () => unwrap(api.GET("/api/v1/conversations", { params: { query: { customerId, limit: 25, sort: "-last_activity" } } })),
    enabled,
  });
}
