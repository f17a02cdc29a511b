-- The console language a member of staff chose (a BCP 47 tag of a shipped language); null: the browser's choice.
alter table staff_user add column language text
    check (language is null or language in ('en', 'de', 'nb', 'es', 'zh-CN'));
