package io.trinity.duplicates.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common nicknames and short forms of the seeds' languages (English, German, Norwegian, Spanish), both ways
 * (William ↔ Bill), on normalised names. A name in several groups (Chris: Christopher, Christine, Christian) is
 * a nickname of each.
 */
public final class Nicknames {

    private static final List<List<String>> GROUPS = List.of(
            List.of("william", "bill", "will", "billy", "liam"), List.of("robert", "bob", "rob", "bobby", "robbie"),
            List.of("richard", "rick", "dick", "rich"), List.of("elizabeth", "liz", "beth", "lisa", "betty", "eliza"),
            List.of("katherine", "catherine", "kate", "katie", "kathy", "cathy", "kat"),
            List.of("margaret", "maggie", "meg", "peggy", "greta"), List.of("james", "jim", "jimmy", "jamie"),
            List.of("michael", "mike", "mikey", "micha"), List.of("thomas", "tom", "tommy"),
            List.of("joseph", "joe", "joey", "jose", "pepe"), List.of("francisco", "paco", "pancho", "fran"),
            List.of("guadalupe", "lupe"), List.of("jennifer", "jen", "jenny"), List.of("anthony", "tony", "antonio"),
            List.of("christopher", "chris", "kit"), List.of("christine", "chris", "tina", "kristin"),
            List.of("alexander", "alex", "sasha", "sandro", "alejandro"), List.of("daniel", "dan", "danny"),
            List.of("samuel", "sam", "sammy"), List.of("nicholas", "nick", "nico", "nicolas"),
            List.of("edward", "ed", "ted", "eddie", "teddy"), List.of("benjamin", "ben", "benny"),
            List.of("matthew", "matt"), List.of("andrew", "andy", "drew"), List.of("steven", "stephen", "steve"),
            List.of("susan", "sue", "susie", "suzanne"), List.of("patricia", "pat", "patty", "tricia"),
            List.of("johannes", "johann", "hans", "jo", "john", "johnny", "jon", "juan"),
            List.of("wolfgang", "wolf"), List.of("friedrich", "fritz", "fred", "frederick"),
            List.of("karianne", "kari"), List.of("ingrid", "inga"), List.of("kristoffer", "kris", "christoffer"),
            List.of("manuel", "manolo", "manu"), List.of("dolores", "lola"), List.of("ignacio", "nacho"),
            List.of("enrique", "quique", "kike"), List.of("rosario", "charo"), List.of("mercedes", "merche"),
            List.of("hanna", "hannah"), List.of("rebecca", "becky", "becca"), List.of("kathleen", "kathy", "kath"),
            List.of("deborah", "debbie", "deb", "debra"), List.of("victoria", "vicky", "tori"),
            List.of("zachary", "zach", "zack"), List.of("gregory", "greg"), List.of("jeffrey", "jeff"),
            List.of("abigail", "abby", "gail"), List.of("maximilian", "max", "maxi"), List.of("katharina", "kathi", "kati"),
            List.of("stefanie", "steffi"), List.of("franziska", "franzi"), List.of("sebastian", "basti", "seb"),
            List.of("concepcion", "concha", "conchita"), List.of("encarnacion", "encarna"),
            List.of("santiago", "santi"), List.of("ingeborg", "inge"), List.of("timothy", "tim", "timmy"),
            List.of("jonathan", "jon", "jonny"), List.of("kristian", "kris", "christian"),
            List.of("jose", "pepe"), List.of("alejandro", "alex", "ale"), List.of("alexandra", "alex", "sandra"),
            List.of("donald", "don"), List.of("ronald", "ron", "ronnie"), List.of("raymond", "ray"),
            List.of("lawrence", "larry"), List.of("gerald", "jerry"), List.of("harold", "harry", "hal"),
            List.of("henry", "hank", "harry"), List.of("charles", "charlie", "chuck"), List.of("charlotte", "lottie"),
            List.of("jacqueline", "jackie"), List.of("pamela", "pam"), List.of("cynthia", "cindy"),
            List.of("sandra", "sandy"), List.of("carolyn", "carol"), List.of("nathan", "nate"),
            List.of("joshua", "josh"), List.of("jacob", "jake"), List.of("samantha", "sam"),
            List.of("madison", "maddie"), List.of("olivia", "liv"), List.of("isabella", "bella", "isa"),
            List.of("natalie", "nat"), List.of("johanna", "hanna", "jo"), List.of("christina", "tina", "chris"),
            List.of("dominik", "dome"), List.of("ursula", "uschi"), List.of("gabriele", "gabi"),
            List.of("brigitte", "gitte"), List.of("juergen", "jogi"), List.of("marianne", "mari"),
            List.of("elisabeth", "lisbeth", "elise", "lise"), List.of("ragnhild", "ragna"),
            List.of("antonio", "toni", "tono"), List.of("manuela", "manu"), List.of("maria", "mari"),
            List.of("rafael", "rafa"), List.of("fernando", "nando"), List.of("guillermo", "memo"),
            List.of("eduardo", "edu", "lalo"), List.of("roberto", "rober", "beto"), List.of("alberto", "beto"),
            List.of("montserrat", "montse"), List.of("inmaculada", "inma"), List.of("jesus", "chus", "chuy"));

    private Nicknames() {
    }

    public static Map<String, Set<String>> all() {
        Map<String, Set<String>> map = new HashMap<>();
        for (List<String> group : GROUPS) {
            for (String name : group) {
                Set<String> others = map.computeIfAbsent(name, k -> new HashSet<>());
                group.stream().filter(n -> !n.equals(name)).forEach(others::add);
            }
        }
        return map;
    }
}
