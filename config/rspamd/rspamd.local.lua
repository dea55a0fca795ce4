-- Loaded by rspamd from LOCAL_CONFDIR (config/rspamd). Lua rules of the platform's own.

-- SpamAssassin's opinion (SPAMD, local.d/external_services.conf) costs 20–300 ms of Perl a
-- message; rspamd's own rules take a few. It is not asked when rspamd's Bayes is certain the
-- message is ham (BAYES_HAM at its full weight, -3: Bayes at least 99.9 % sure). In the
-- cross-validation of docs/spam.md ("Tuning", step 10) that skipped SpamAssassin for 60 % of the
-- messages (92 % of the easy ham) and changed the verdict on 2 spam messages of 948 (no longer
-- caught) and 3 hard-ham messages of 125 (no longer flagged). SPAMD runs as a postfilter, after
-- the classifiers, so Bayes has spoken when this is asked.
local BAYES_CERTAIN_HAM = -2.99

rspamd_config:add_condition('SPAMD', function(task)
  local ham = task:get_symbol('BAYES_HAM')
  return not (ham and ham[1] and ham[1].score <= BAYES_CERTAIN_HAM)
end)
