import { router } from "@/server/trpc/init";
import { departmentsRouter } from "./departments/router";
import { mailboxesRouter } from "./mailboxes/router";
import { listsRouter } from "./lists/router";
import { importsRouter } from "./imports/router";
import { welcomeRouter } from "./welcome/router";
import { consoleHomeRouter } from "./home/router";
import { selfServiceRouter } from "./self-service/router";

// The tenant console's areas (issue 6), each with its own thin router beside its use cases.
export const tenantsRouter = router({
  departments: departmentsRouter,
  mailboxes: mailboxesRouter,
  lists: listsRouter,
  imports: importsRouter,
  welcome: welcomeRouter,
  home: consoleHomeRouter,
  // The mailbox user's own page (mailboxProcedure), not the admin console.
  selfService: selfServiceRouter,
});
