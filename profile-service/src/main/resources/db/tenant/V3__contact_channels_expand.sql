-- Expand (docs/migrations.md, "Expand and contract"): a customer's communication preferences and a partner's contact
-- preferences are one fact, the channels a person may be contacted by, kept in two columns whose values the database
-- never checked. contact_channels holds it for both kinds, checked against the four channels. The old columns stay
-- until V5, which ships a release later: until then the previous release's code, which knows only them, may still run
-- beside this one's, which knows only the new column, and a trigger keeps the two shapes in step whichever writes.

-- A nullable column without a default: PostgreSQL adds it to the catalog and rewrites no row. The checks hold for
-- every row written from now on; NOT VALID leaves the rows already there to V5, which checks them once V4 has filled
-- the column, without a lock that stops writes while it reads the table. The last two say what the per-kind checks of
-- V1 say besides the old columns, whose drop in V5 takes those checks with it.
alter table profiles
    add column contact_channels varchar(16)[],
    add constraint contact_channels_known
        check (contact_channels <@ array['EMAIL', 'SMS', 'PHONE', 'POST']::varchar(16)[]) not valid,
    add constraint contact_channels_kinds
        check (kind in ('customer', 'partner') or contact_channels is null) not valid,
    add constraint customer_language check (kind = 'customer' or preferred_language is null) not valid,
    add constraint partner_website check (kind = 'partner' or company_website is null) not valid;

-- Whichever shape a statement writes, the other follows: a statement that changed contact_channels wrote the new
-- shape; any other (an insert without it, an update of the old columns or of nothing about channels) takes the new
-- column from the old ones. Then the old columns take the new one back, each for its own kind.
create function profiles_contact_channels_in_step() returns trigger
    language plpgsql
    as $$
begin
    if (tg_op = 'INSERT' and new.contact_channels is null)
            or (tg_op = 'UPDATE' and new.contact_channels is not distinct from old.contact_channels) then
        new.contact_channels := coalesce(new.communication_preferences, new.contact_preferences);
    end if;
    new.communication_preferences := case when new.kind = 'customer' then new.contact_channels end;
    new.contact_preferences := case when new.kind = 'partner' then new.contact_channels end;
    return new;
end $$;

create trigger profiles_contact_channels_in_step before insert or update on profiles
    for each row execute function profiles_contact_channels_in_step();
