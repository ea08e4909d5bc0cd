-- Contract (docs/migrations.md, "Expand and contract"): the release after V3 and V4, once no code that knows only the
-- old columns runs any more. Hibernate's validation would stop such code at its start: its columns are gone.

-- First the checks V3 left for the rows already there (V4 filled them): VALIDATE reads the table under a lock that lets
-- reads and writes go on. What follows takes the table's exclusive lock, held to the end of this transaction, and is
-- quick: it changes the catalog only.
alter table profiles validate constraint contact_channels_known;
alter table profiles validate constraint contact_channels_kinds;
alter table profiles validate constraint customer_language;
alter table profiles validate constraint partner_website;

drop trigger profiles_contact_channels_in_step on profiles;
drop function profiles_contact_channels_in_step();

-- Dropping a column drops the checks that name it, customer_columns and partner_columns of V1: customer_language and
-- partner_website say the rest of what they said, and contact_channels_kinds the part about the channels.
alter table profiles
    drop column communication_preferences,
    drop column contact_preferences;
