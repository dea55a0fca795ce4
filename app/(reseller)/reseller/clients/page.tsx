import { redirect } from "next/navigation";

/** The clients list is the reseller's home (the dashboard); a client's own page is /reseller/clients/<id>. */
export default function ResellerClientsPage() {
  redirect("/reseller");
}
